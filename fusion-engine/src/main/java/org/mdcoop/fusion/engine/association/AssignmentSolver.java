package org.mdcoop.fusion.engine.association;

/** Solves the linear assignment problem on a dense cost matrix. */
public interface AssignmentSolver {
    /**
     * Minimises the total cost of assigning rows to distinct columns for the row-major
     * {@code rows x cols} matrix {@code cost}; writes the chosen column of each row into
     * {@code rowToCol[0..rows)} (-1 when rows > cols and the row is left out). Returns the total cost.
     */
    double solve(double[] cost, int rows, int cols, int[] rowToCol);
}
