package org.comptoir.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.comptoir.support.Api;
import org.comptoir.support.Fixtures;
import org.comptoir.support.Platform;
import org.comptoir.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/** With externalisation switched on, domain events reach Kafka, keyed by their subject. */
class KafkaExternalizationTest {

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, "comptoir.catalog", "comptoir.network");
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void productEventsArePublishedToTheCatalogTopicKeyedByProduct() {
        Map<String, Object> consumerProps = KafkaTestUtils.consumerProps(broker, "comptoir-test", false);
        consumerProps.put("auto.offset.reset", "earliest");
        try (Platform platform = Platform.start(TestDatabase.fresh("comptoir_kafka"), Map.of(
                "spring.modulith.events.externalization.enabled", "true",
                "spring.kafka.bootstrap-servers", broker.getBrokersAsString()));
                var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            Api api = platform.admin();
            var created = api.post("/api/v1/catalog/products", Fixtures.product("Lavande", List.of(), "KF-1"));
            assertThat(created.status()).isEqualTo(201);
            String productId = created.json().path("id").asString();

            consumer.subscribe(List.of("comptoir.catalog"));
            ConsumerRecord<String, String> record = KafkaTestUtils.getSingleRecord(consumer, "comptoir.catalog",
                    Duration.ofSeconds(30));
            assertThat(record.key()).isEqualTo(productId);
            var json = Api.JSON.readTree(record.value());
            assertThat(json.path("productId").asString()).isEqualTo(productId);
            assertThat(json.path("skus").path(0).asString()).isEqualTo("KF-1");
        }
    }
}
