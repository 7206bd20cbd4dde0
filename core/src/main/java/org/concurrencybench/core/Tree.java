package org.concurrencybench.core;

import java.util.Map;

/**
 * Recursive fan-out (the "skynet" benchmark): every inner node starts {@code width} children,
 * {@code depth} levels down; each of the {@code width^depth} leaves returns its ordinal and
 * every node returns the sum of its children. Answer: 0 + 1 + ... + (leaves - 1).
 */
public record Tree(String name, int width, int depth) implements Workload {

    public static final long MAX_LEAVES = 1_000_000_000L;
    public static final int MIN_WIDTH = 2;
    public static final int MAX_WIDTH = 1_000;
    public static final int MAX_DEPTH = 30;

    public Tree {
        Checks.notBlank("name", name);
        Checks.range(name, "width", width, MIN_WIDTH, MAX_WIDTH);
        Checks.range(name, "depth", depth, 1, MAX_DEPTH);
        long leaves = 1;
        for (int level = 0; level < depth; level++) {
            leaves *= width;
            if (leaves > MAX_LEAVES) {
                throw new IllegalArgumentException(name + ": width^depth (the leaves) must be at most "
                        + Checks.format(MAX_LEAVES) + ", got width=" + width + " depth=" + depth);
            }
        }
    }

    /** A subtree: the leaves {@code [first, first + leaves)}. */
    public record Node(long first, long leaves) {

        public boolean isLeaf() {
            return leaves == 1;
        }

        /** The value of a leaf: its ordinal. */
        public long leafValue() {
            return first;
        }

        /** Child {@code index} of a node of a tree of the given width. */
        public Node child(int index, int width) {
            long childLeaves = leaves / width;
            return new Node(first + index * childLeaves, childLeaves);
        }
    }

    public Node root() {
        return new Node(0, leaves());
    }

    public long leaves() {
        long leaves = 1;
        for (int level = 0; level < depth; level++) {
            leaves *= width;
        }
        return leaves;
    }

    /** Nodes in the tree, inner and leaves: how many tasks one-task-per-node models start. */
    public long nodes() {
        long nodes = 0;
        long level = 1;
        for (int d = 0; d <= depth; d++) {
            nodes += level;
            level *= width;
        }
        return nodes;
    }

    /** The subtree's sum, walked on the calling thread: what a model does below its cut-off. */
    public long sequentialSum(Node node) {
        if (node.isLeaf()) {
            return node.leafValue();
        }
        long sum = 0;
        for (int i = 0; i < width; i++) {
            sum += sequentialSum(node.child(i, width));
        }
        return sum;
    }

    @Override
    public long expected() {
        return Identity.sumOfIndices(leaves());
    }

    @Override
    public Map<String, Long> parameters() {
        return Checks.ordered("width", width, "depth", depth);
    }
}
