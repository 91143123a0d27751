package dev.queuelab.api.pubsub.fanout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON envelope a subscription without raw delivery gets: SNS's Notification, with the fields that carry the
 * message (no signature: nothing here is signed). Keys in this order: Type, MessageId, TopicArn, Message,
 * MessageAttributes (sorted, each {"Type","Value"}).
 */
public final class Notification {

    private Notification() {}

    public static String envelope(String topic, Publication p) {
        Map<String, String> attributes = new LinkedHashMap<>();
        new TreeMap<>(p.attributes()).forEach((k, v) -> {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("Type", Json.quote(v.number() ? "Number" : "String"));
            typed.put("Value", Json.quote(v.text()));
            attributes.put(k, Json.object(typed));
        });
        Map<String, String> members = new LinkedHashMap<>();
        members.put("Type", Json.quote("Notification"));
        members.put("MessageId", Json.quote(p.id()));
        members.put("TopicArn", Json.quote("arn:aws:sns:local:000000000000:" + topic));
        members.put("Message", Json.quote(p.message()));
        members.put("MessageAttributes", Json.object(attributes));
        return Json.object(members);
    }
}
