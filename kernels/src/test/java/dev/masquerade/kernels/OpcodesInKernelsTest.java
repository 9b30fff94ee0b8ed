package dev.masquerade.kernels;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.backend.BinaryOp;
import dev.masquerade.engine.backend.ReduceOp;
import dev.masquerade.engine.backend.UnaryOp;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Opcodes reach the kernels by name: every enum value has its case, and no case is a bare number. */
class OpcodesInKernelsTest {
    private final String elementwise = Programs.resource("elementwise.cl");

    @Test
    void everyUnaryAndBinaryOpcodeHasANamedCaseInTheElementwiseKernels() {
        for (UnaryOp op : UnaryOp.values()) {
            assertTrue(elementwise.contains("case UNARY_" + op.name() + ":"), "elementwise.cl has no case for UnaryOp." + op);
        }
        for (BinaryOp op : BinaryOp.values()) {
            assertTrue(elementwise.contains("case BINARY_" + op.name() + ":"), "elementwise.cl has no case for BinaryOp." + op);
        }
    }

    @Test
    void noKernelMatchesAnOpcodeByItsNumber() {
        Pattern numberedCase = Pattern.compile("case\\s+\\d+\\s*:|op\\s*==\\s*\\d");
        for (String file : new String[] {"elementwise.cl", "reduce.cl"}) {
            assertFalse(numberedCase.matcher(Programs.resource(file)).find(), file + " matches an opcode by number");
        }
    }

    @Test
    void theDefinesAreMadeFromTheEnums() {
        assertTrue(Programs.OPCODES.contains("-DUNARY_EXP=" + UnaryOp.EXP.ordinal()));
        assertTrue(Programs.OPCODES.contains("-DBINARY_LE=" + BinaryOp.LE.ordinal()));
        assertTrue(Programs.OPCODES.contains("-DREDUCE_MAX=" + ReduceOp.MAX.ordinal()));
    }
}
