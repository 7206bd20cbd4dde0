package org.concurrencybench.benchmarks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.concurrencybench.benchmarks.common.TextTable.Column;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void textIsLeftAlignedNumbersRightAlignedAndTheLastColumnIsNotPadded() {
        TextTable table = new TextTable(List.of(Column.text("model", 7), Column.number("ms", 5),
                Column.text("result", 0)));

        assertEquals(List.of(
                "model       ms  result",
                "threads  812.3  ok",
                "async      0.4  n/a: a reason of any length"), List.of(
                table.header(),
                table.row("threads", "812.3", "ok"),
                table.row("async", "0.4", "n/a: a reason of any length")));
    }

    @Test
    void aFittingTableIsAsWideAsItsWidestCell() {
        List<List<String>> rows = List.of(List.of("cpu", "batch"), List.of("handoff", "relay"));

        List<String> lines = TextTable.fitting(List.of("id", "kind"), rows).lines(rows);

        assertEquals(List.of("id       kind", "cpu      batch", "handoff  relay"), lines);
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() {
        TextTable table = new TextTable(List.of(Column.text("a", 1), Column.text("b", 1)));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> table.row("only one"));

        assertEquals("a row of this table has 2 cells, got 1: [only one]", refused.getMessage());
    }
}
