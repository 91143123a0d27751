/**
 * The broker's contract, as RabbitMQ (AMQP 0-9-1) has it: exchanges route a publish to queues by their
 * bindings (direct, fanout, topic, headers; exchange-to-exchange bindings; an alternate exchange for what
 * routes nowhere), queues hold messages for consumers that hold at most their prefetch unacknowledged, and a
 * queue dead-letters what is rejected, expired, pushed out by a length limit or past its delivery limit.
 *
 * <p>Deliveries are pulled as a consumer's client reads its socket: {@link Broker#receive} hands a consumer
 * what the broker would have pushed to it by now, the queue's head up to its free prefetch. A consumer that
 * does not call it is an offline or slow one.
 *
 * <p>Time: an implementation reads time only from the {@link java.time.InstantSource} it is given.
 */
package dev.queuelab.api.pubsub.exchange;
