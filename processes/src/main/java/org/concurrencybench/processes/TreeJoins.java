package org.concurrencybench.processes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concurrencybench.core.Tree;
import org.concurrencybench.processes.protocol.WorkOrder;

/**
 * The nodes of a tree as tasks that become ready bottom-up: a leaf at once, an inner node
 * when all its children have answered, with their sums to add. Nodes are numbered in
 * breadth-first order, so the children of node {@code i} are {@code i * width + 1} to
 * {@code i * width + width} and its parent is {@code (i - 1) / width}.
 */
final class TreeJoins {

    static final int ROOT = 0;

    private final Tree tree;
    private final Tree.Node[] nodes;
    private final int innerNodes;
    private final long[][] childSums;
    private final int[] waitingFor;

    TreeJoins(Tree tree) {
        this.tree = tree;
        int count = Math.toIntExact(tree.nodes());
        this.innerNodes = Math.toIntExact(tree.nodes() - tree.leaves());
        this.nodes = new Tree.Node[count];
        this.childSums = new long[innerNodes][];
        this.waitingFor = new int[innerNodes];
        nodes[ROOT] = tree.root();
        for (int inner = 0; inner < innerNodes; inner++) {
            childSums[inner] = new long[tree.width()];
            waitingFor[inner] = tree.width();
            for (int child = 0; child < tree.width(); child++) {
                nodes[inner * tree.width() + 1 + child] = nodes[inner].child(child, tree.width());
            }
        }
    }

    List<Integer> leaves() {
        List<Integer> leaves = new ArrayList<>(nodes.length - innerNodes);
        for (int leaf = innerNodes; leaf < nodes.length; leaf++) {
            leaves.add(leaf);
        }
        return leaves;
    }

    /** The order of {@code node}: a leaf's ordinal, or the sum of an inner node's children. */
    WorkOrder order(int node) {
        if (node >= innerNodes) {
            return new WorkOrder.SumSubtree(tree, nodes[node].first(), 1);
        }
        if (waitingFor[node] != 0) {
            throw new IllegalStateException("node " + node + " still waits for " + waitingFor[node] + " children");
        }
        return new WorkOrder.JoinChildren(tree, childSums[node]);
    }

    /** Records the sum of a node that is not the root; returns its parent if that is now ready. */
    Optional<Integer> childAnswered(int node, long sum) {
        int parent = (node - 1) / tree.width();
        childSums[parent][(node - 1) % tree.width()] = sum;
        return --waitingFor[parent] == 0 ? Optional.of(parent) : Optional.empty();
    }
}
