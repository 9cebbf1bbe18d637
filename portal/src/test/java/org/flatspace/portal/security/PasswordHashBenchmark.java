package org.flatspace.portal.security;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * How long one bcrypt hash takes here at each cost, to choose {@code flatspace.security.password.bcrypt-cost}.
 * Not part of the test suite: {@code ./mvnw -Pbench -pl portal verify -Dit.test=PasswordHashBenchmark}.
 */
class PasswordHashBenchmark {

    @Test
    void bcryptCostAgainstTime() {
        StringBuilder table = new StringBuilder("| cost | ms per hash (median of 7) |\n| --- | --- |\n");
        for (int cost = 10; cost <= 13; cost++) {
            BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(cost);
            encoder.encode("warm-up");
            long[] ms = new long[7];
            for (int i = 0; i < ms.length; i++) {
                long begin = System.nanoTime();
                encoder.encode("correct horse battery staple " + i);
                ms[i] = (System.nanoTime() - begin) / 1_000_000;
            }
            java.util.Arrays.sort(ms);
            table.append(String.format(Locale.ROOT, "| %d | %d |%n", cost, ms[ms.length / 2]));
        }
        System.out.println(table);
    }
}
