package org.concurrencybench.benchmarks.jmh;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.concurrencybench.core.Workload;
import org.concurrencybench.core.Workloads;
import org.concurrencybench.core.WrongAnswerException;
import org.junit.jupiter.api.Test;

class AnswerCheckTest {

    private final Workload spawn = Workloads.create("spawn", Map.of("units", "10"));
    private final AnswerCheck answers = new AnswerCheck("some-model", spawn);

    @Test
    void rightAnswersPassTheCheck() {
        assertEquals(45, answers.record(45));
        assertEquals(45, answers.record(45));

        assertDoesNotThrow(answers::verify);
    }

    @Test
    void oneWrongAnswerAmongRightOnesFailsTheIterationNamingModelWorkloadAndBothNumbers() {
        answers.record(45);
        answers.record(44);
        answers.record(45);

        WrongAnswerException wrong = assertThrows(WrongAnswerException.class, answers::verify);

        assertEquals(44, wrong.answer());
        assertEquals(45, wrong.expected());
        assertTrue(wrong.getMessage().contains("some-model") && wrong.getMessage().contains("spawn(units=10)"),
                wrong.getMessage());
    }

    @Test
    void eachIterationIsCheckedOnItsOwnAnswers() {
        answers.record(1);
        assertThrows(WrongAnswerException.class, answers::verify);

        answers.record(45);

        assertDoesNotThrow(answers::verify);
    }
}
