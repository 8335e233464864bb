package io.candor.mention;

import java.time.ZoneId;
import java.util.Optional;

/**
 * A team member from the {@code people:} section: the name Candor uses for them (in
 * assignment rules and {@code assign 12 @name}), their chat identities and their time zone.
 */
public record Person(String name, String slack, String discord, String zone) {
    public Optional<ZoneId> zoneId() {
        return zone == null || zone.isBlank() ? Optional.empty() : Optional.of(ZoneId.of(zone));
    }
}
