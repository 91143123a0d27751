package dev.queuelab.guide;

import java.util.List;

/** Mermaid diagrams for the ADR: the chosen topology, and the path of answers that led to it. */
final class Diagrams {

    private Diagrams() {}

    static String topology(Topology topology, Product product, String tool) {
        String label = "\"" + tool.replace("\"", "'") + "\"";
        String reader = product.vocabulary().reader().split(" \\(")[0];
        String readerName = Character.toUpperCase(reader.charAt(0)) + reader.substring(1);
        return switch (topology) {
            case NONE ->
                "flowchart LR\n  caller[Caller] -- request --> service[Service]\n  service -- response --> caller";
            case IN_APP_JOB_QUEUE, WORK_QUEUE, FIFO_WORK_QUEUE ->
                "flowchart LR\n  producer[Producer] -- send --> queue[(" + label
                        + ")]\n  queue -- receive --> c1[Consumer 1]\n  queue -- receive --> c2[Consumer 2]\n"
                        + "  c1 -- ack --> queue\n  queue -- after max receives --> dlq[(Dead-letter queue)]";
            case PUB_SUB_FANOUT ->
                "flowchart LR\n  producer[Producer] -- publish --> topic([" + label + "])\n"
                        + "  topic --> q1[(Queue: subscriber 1)] --> s1[Subscriber 1]\n  topic --> q2[(Queue: subscriber 2)] --> s2[Subscriber 2]";
            case EPHEMERAL_PUB_SUB ->
                "flowchart LR\n  producer[Producer] -- publish --> channel([" + label + "])\n"
                        + "  channel -. connected only .-> s1[Subscriber 1]\n  channel -. connected only .-> s2[Subscriber 2]";
            case PARTITIONED_LOG ->
                "flowchart LR\n  producer[Producer] -- key-hashed append --> log[(" + label + ")]\n"
                        + "  log -- partition 0..n --> g1[" + readerName
                        + " A: own position]\n  log -- replay from a position --> g2["
                        + readerName + " B: own position]";
        };
    }

    static String path(List<String> answers, Topology topology) {
        StringBuilder out = new StringBuilder("flowchart LR\n  start([question 1])");
        for (int i = 0; i < answers.size(); i++) {
            out.append(" --> a").append(i).append("[\"").append(answers.get(i)).append("\"]");
            out.append("\n  a").append(i);
        }
        out.append(" --> outcome((").append(topology.word()).append("))");
        return out.toString();
    }
}
