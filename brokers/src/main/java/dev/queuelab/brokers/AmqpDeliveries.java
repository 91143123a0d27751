package dev.queuelab.brokers;

import com.rabbitmq.client.GetResponse;
import dev.queuelab.api.pubsub.exchange.Delivery;
import dev.queuelab.api.pubsub.exchange.XDeath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What RabbitMQ hands a consumer, told in the contract's words: the broker's own headers ({@code x-death},
 * {@code x-first-death-*}, {@code x-delivery-count}) become the delivery's fields, and names lose the run's
 * prefix. Nothing is computed here: every field is read from what the broker sent.
 */
final class AmqpDeliveries {

    private AmqpDeliveries() {}

    static Delivery delivery(String consumerTag, String queue, GetResponse r, UnaryOperator<String> told) {
        Map<String, Object> raw =
                r.getProps().getHeaders() == null ? Map.of() : r.getProps().getHeaders();
        Map<String, String> headers = new HashMap<>();
        long count = 0;
        List<XDeath> deaths = List.of();
        for (Map.Entry<String, Object> h : raw.entrySet()) {
            String k = h.getKey();
            if (k.equals("x-death")) {
                deaths = deaths((List<?>) h.getValue(), told);
            } else if (k.equals("x-delivery-count")) {
                count = ((Number) h.getValue()).longValue();
            } else if (!k.startsWith("x-first-death-") && !k.startsWith("x-last-death-")) {
                headers.put(k, String.valueOf(h.getValue()));
            }
        }
        return new Delivery(
                consumerTag,
                r.getEnvelope().getDeliveryTag(),
                queue,
                told.apply(r.getEnvelope().getExchange()),
                r.getEnvelope().getRoutingKey(),
                headers,
                new String(r.getBody(), StandardCharsets.UTF_8),
                r.getEnvelope().isRedeliver(),
                count,
                deaths);
    }

    private static List<XDeath> deaths(List<?> entries, UnaryOperator<String> told) {
        List<XDeath> out = new ArrayList<>();
        for (Object o : entries) {
            Map<?, ?> d = (Map<?, ?>) o;
            List<String> keys = new ArrayList<>();
            if (d.get("routing-keys") instanceof List<?> ks) {
                ks.forEach(k -> keys.add(String.valueOf(k)));
            }
            Object time = d.get("time");
            out.add(new XDeath(
                    told.apply(String.valueOf(d.get("queue"))),
                    String.valueOf(d.get("reason")),
                    ((Number) d.get("count")).longValue(),
                    told.apply(String.valueOf(d.get("exchange"))),
                    keys,
                    time instanceof Date t ? t.toInstant() : Instant.EPOCH));
        }
        return out;
    }
}
