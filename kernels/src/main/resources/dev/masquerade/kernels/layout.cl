// Shared by the kernels that walk strided tensors (included with #include "layout.cl").
//
// A Layout describes up to MAX_OPERANDS tensors of one shape: each operand's offset and
// strides. offset_of turns a linear, row-major index over the shape into the position of that
// element in operand k.

#define MAX_RANK 8
#define MAX_OPERANDS 4

typedef struct {
    int rank;
    int numel;
    int shape[MAX_RANK];
    int offset[MAX_OPERANDS];
    int stride[MAX_OPERANDS][MAX_RANK];
} Layout;

// The offset of element `linear` in operand k.
inline int offset_of(const Layout* L, int k, int linear) {
    int off = L->offset[k];
    for (int d = L->rank - 1; d >= 0; d--) {
        int i = linear % L->shape[d];
        linear /= L->shape[d];
        off += i * L->stride[k][d];
    }
    return off;
}
