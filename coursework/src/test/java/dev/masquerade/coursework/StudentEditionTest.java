package dev.masquerade.coursework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a reference source becomes the student's: regions found, checked, and stubbed. */
class StudentEditionTest {
    private static final String EXP = String.join("\n",
            "class Exp {",
            "    Tensor backward(Tensor grad, Tensor out) {",
            "        // BEGIN SOLUTION task-1.2: the backward of exp, \"dx = dy * exp(x)\" (see tutorials/01-autograd.md)",
            "        Tensor product = grad.mul(out);",
            "        return product;",
            "        // END SOLUTION",
            "    }",
            "}",
            "");

    @Test
    void aJavaRegionKeepsItsMarkersAndThrowsItsStatement() {
        assertEquals(String.join("\n",
                "class Exp {",
                "    Tensor backward(Tensor grad, Tensor out) {",
                "        // BEGIN SOLUTION task-1.2: the backward of exp, \"dx = dy * exp(x)\" (see tutorials/01-autograd.md)",
                "        throw new UnsupportedOperationException(\"task 1.2: the backward of exp, \\\"dx = dy * exp(x)\\\" (see tutorials/01-autograd.md)\");",
                "        // END SOLUTION",
                "    }",
                "}",
                ""), StudentEdition.of("Exp.java", EXP));
    }

    @Test
    void aKernelRegionBecomesAComment() {
        String kernel = String.join("\n",
                "__kernel void relu(__global float *x) {",
                "    // BEGIN SOLUTION task-3.4: max(x, 0) in place (see tutorials/19-matmul-ladder.md)",
                "    x[get_global_id(0)] = fmax(x[get_global_id(0)], 0.0f);",
                "    // END SOLUTION",
                "}");
        String student = StudentEdition.of("relu.cl", kernel);
        assertTrue(student.contains("\n    // task 3.4: max(x, 0) in place (see tutorials/19-matmul-ladder.md)\n"), student);
        assertTrue(!student.contains("fmax"), student);
    }

    @Test
    void aFileWithoutRegionsIsLeftAsItIs() {
        assertEquals("plain text\n", StudentEdition.of("README.md", "plain text\n"));
    }

    @Test
    void everyMalformedRegionIsNamedByFileAndLine() {
        List<String[]> cases = List.of(
                new String[] {"never closed", "{", "// BEGIN SOLUTION task-1.1: x (see tutorials/01-autograd.md)", "a();", "}"},
                new String[] {":3: a BEGIN SOLUTION inside the region opened at line 2", "{",
                    "// BEGIN SOLUTION task-1.1: x (see tutorials/01-autograd.md)", "// BEGIN SOLUTION task-1.2: y (see tutorials/01-autograd.md)"},
                new String[] {":2: an END SOLUTION without its BEGIN", "{", "// END SOLUTION", "}"},
                new String[] {":2: write it as", "{", "// BEGIN SOLUTION the gradient", "// END SOLUTION", "}"},
                new String[] {":5: code follows a solution region", "{", "// BEGIN SOLUTION task-1.1: x (see tutorials/01-autograd.md)",
                    "a();", "// END SOLUTION", "b();", "}"});
        for (String[] c : cases) {
            List<String> lines = List.of(c).subList(1, c.length);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SolutionRegion.find("Bad.java", lines));
            assertTrue(e.getMessage().startsWith("Bad.java:") && e.getMessage().contains(c[0]), e.getMessage());
        }
    }
}
