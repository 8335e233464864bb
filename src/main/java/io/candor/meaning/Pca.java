package io.candor.meaning;

/**
 * The main directions of a covariance matrix (principal components), by orthogonal power
 * iteration from a fixed start: the same matrix gives the same directions on every machine.
 */
final class Pca {
    private static final int ROUNDS = 60;

    private Pca() {
    }

    /** The {@code k} leading eigenvectors of the symmetric matrix {@code cov}, each of unit length, largest first. */
    static double[][] top(double[][] cov, int k) {
        int n = cov.length;
        double[][] q = new double[k][n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                // a fixed, spread-out start: no direction is missed by chance
                q[j][i] = Math.sin(1.0 + 0.7 * i + 1.3 * j * (i + 1));
            }
        }
        orthonormalise(q);
        for (int round = 0; round < ROUNDS; round++) {
            double[][] next = new double[k][n];
            for (int j = 0; j < k; j++) {
                for (int a = 0; a < n; a++) {
                    double s = 0;
                    double[] row = cov[a];
                    for (int b = 0; b < n; b++) {
                        s += row[b] * q[j][b];
                    }
                    next[j][a] = s;
                }
            }
            orthonormalise(next);
            q = next;
        }
        return q;
    }

    /** Gram-Schmidt, twice for accuracy. */
    private static void orthonormalise(double[][] q) {
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < q.length; j++) {
                for (int p = 0; p < j; p++) {
                    double d = dot(q[j], q[p]);
                    for (int i = 0; i < q[j].length; i++) {
                        q[j][i] -= d * q[p][i];
                    }
                }
                double norm = Math.sqrt(dot(q[j], q[j]));
                for (int i = 0; i < q[j].length; i++) {
                    q[j][i] /= Math.max(norm, 1e-300);
                }
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
