package org.concurrencybench.benchmarks.compare;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The {@code --jmh "..."} option of bench compare: JMH's own command-line options, parsed by
 * JMH, for every cell. They override the profile's settings (forks, iterations) but not what
 * the comparison owns: which benchmark, model, P and sizes run, and where results go.
 */
public final class JmhArguments {

    private JmhArguments() {
    }

    /** JMH's options from {@code text}; a usage error (IllegalArgumentException) if JMH refuses them. */
    public static CommandLineOptions parse(String text) {
        List<String> arguments = split(text == null ? "" : text);
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(arguments.toArray(String[]::new));
        } catch (CommandLineOptionException refused) {
            throw new IllegalArgumentException("--jmh: JMH does not accept '" + text + "': " + refused.getMessage(), refused);
        }
        if (!options.getIncludes().isEmpty()) {
            throw new IllegalArgumentException("--jmh takes JMH options only, got the benchmark pattern(s) "
                    + options.getIncludes() + "; choose what runs with --models, --workloads and --cores");
        }
        return options;
    }

    /** Splits on blanks, keeping what is inside single or double quotes together (without the quotes). */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("--jmh: a quote (" + quote + ") is not closed in '" + text + "'");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
