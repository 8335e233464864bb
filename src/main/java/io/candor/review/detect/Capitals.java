package io.candor.review.detect;

/** How many of a text's letters there are, and how many are capitals: shouting is a share of them. */
record Capitals(int letters, int upper) {
    static Capitals of(String s) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                upper += Character.isUpperCase(c) ? 1 : 0;
            }
        }
        return new Capitals(letters, upper);
    }

    /** Capitals as a share of the letters; 0 when there are none. */
    double share() {
        return letters == 0 ? 0 : (double) upper / letters;
    }
}
