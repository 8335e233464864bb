package io.candor.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresSmokeTest {
    @Test
    void migrates() {
        String url = Backend.POSTGRES.freshUrl();
        try (Database db = Database.open(url)) {
            assertThat(db.probe()).isEmpty();
        }
        try (Database db = Database.open(url)) {
            assertThat(db.probe()).isEmpty();
        }
    }
}
