/** Durable fanout (an SNS topic with SQS subscriptions): the contract and its records. */
package dev.queuelab.api.pubsub.fanout;
