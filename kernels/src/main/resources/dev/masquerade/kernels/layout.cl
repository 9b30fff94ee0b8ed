// Shared by the kernels that walk strided tensors (included with #include "layout.cl").
//
// A Layout describes up to MAX_OPERANDS tensors of one shape: each operand's offset and
// strides. offsets_of turns a linear, row-major index over the shape into the position of
// that element in each operand. (The backend merges axes that every operand walks as one
// before it fills a Layout, so a contiguous tensor arrives with rank 1.)

#define MAX_RANK 8
#define MAX_OPERANDS 4

typedef struct {
    int rank;
    int numel;
    int shape[MAX_RANK];
    int offset[MAX_OPERANDS];
    int stride[MAX_OPERANDS][MAX_RANK];
} Layout;

// The offsets of element `linear` in operands 0 .. count-1. Divisions are the cost here, so
// the index is split into per-axis indices once for all operands, and the outermost index
// needs none: what is left of `linear` after the inner axes is that index.
inline void offsets_of(const Layout* L, int linear, int count, int* off) {
    for (int k = 0; k < count; k++) off[k] = L->offset[k];
    for (int d = L->rank - 1; d > 0; d--) {
        int i = linear % L->shape[d];
        linear /= L->shape[d];
        for (int k = 0; k < count; k++) off[k] += i * L->stride[k][d];
    }
    if (L->rank > 0) {
        for (int k = 0; k < count; k++) off[k] += linear * L->stride[k][0];
    }
}
