package org.comptoir.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KeyedSnapshotTest {

    private final KeyedSnapshot<String> snapshot = new KeyedSnapshot<>(100);
    /** The keys each load was asked for. */
    private final List<List<String>> loads = new ArrayList<>();

    /** Knows every key but "unknown", and answers its value in upper case. */
    private Map<String, String> load(Collection<String> keys) {
        loads.add(List.copyOf(keys));
        return keys.stream().filter(k -> !k.equals("unknown")).collect(Collectors.toMap(k -> k, String::toUpperCase));
    }

    @Test
    void heldKeysAreAnsweredFromMemoryAndOnlyTheOthersAreLoaded() {
        assertThat(snapshot.get(List.of("a", "b"), this::load)).isEqualTo(Map.of("a", "A", "b", "B"));
        assertThat(snapshot.get(List.of("a", "b", "c"), this::load)).isEqualTo(Map.of("a", "A", "b", "B", "c", "C"));
        assertThat(loads).containsExactly(List.of("a", "b"), List.of("c"));
    }

    @Test
    void aKeyTheLoaderDoesNotKnowIsAskedAgainNextTime() {
        assertThat(snapshot.get(List.of("unknown"), this::load)).isEmpty();
        snapshot.get(List.of("unknown"), this::load);
        assertThat(loads).containsExactly(List.of("unknown"), List.of("unknown"));
    }

    @Test
    void aChangeForgetsEverythingHeld() {
        snapshot.get(List.of("a"), this::load);
        snapshot.changed();
        snapshot.get(List.of("a"), this::load);
        assertThat(loads).containsExactly(List.of("a"), List.of("a"));
    }

    @Test
    void whatALoadReadBeforeAChangeIsAnsweredButNotKept() {
        Map<String, String> answer = snapshot.get(List.of("a"), keys -> {
            snapshot.changed();     // written meanwhile: what this load read may be the old row
            return load(keys);
        });
        assertThat(answer).isEqualTo(Map.of("a", "A"));
        snapshot.get(List.of("a"), this::load);
        assertThat(loads).containsExactly(List.of("a"), List.of("a"));
    }
}
