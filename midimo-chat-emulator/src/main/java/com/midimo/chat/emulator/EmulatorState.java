package com.midimo.chat.emulator;

import com.midimo.chat.emulator.chat.ThreadEventHub;
import com.midimo.chat.emulator.chat.ThreadStore;
import com.midimo.chat.emulator.control.EmulatedState;
import com.midimo.chat.emulator.notification.NotificationStore;
import com.midimo.chat.emulator.presence.PresenceStore;
import com.midimo.chat.emulator.presence.TypingTracker;
import com.midimo.chat.emulator.v1.Stats;
import io.grpc.Status;
import java.util.concurrent.ScheduledExecutorService;

/** Everything the emulated services hold, in one place so that a reset forgets all of it. */
final class EmulatorState implements EmulatedState {
  final ThreadEventHub events;
  final ThreadStore threads;
  final TypingTracker typing;
  final PresenceStore presences;
  final NotificationStore notifications;

  EmulatorState(EmulatorConfig config, ScheduledExecutorService scheduler) {
    events = new ThreadEventHub(config.streamBufferEvents());
    threads = new ThreadStore(config.clock(), events, config.maxThreads(), config.maxMessages());
    typing = new TypingTracker(config.clock(), scheduler, config.typingTimeout(), events);
    presences = new PresenceStore(config.clock(), config.maxPresences());
    notifications = new NotificationStore(config.clock(), config.maxNotifications());
  }

  @Override
  public void reset() {
    // The threads the streams watch are gone, and their ids are never reused.
    events.endAll(Status.NOT_FOUND.withDescription("the emulator was reset: the thread is gone"));
    typing.clear();
    threads.clear();
    presences.clear();
    notifications.clear();
  }

  @Override
  public long endStreams(String threadId, Status status) {
    return threadId.isEmpty() ? events.endAll(status) : events.end(threadId, status);
  }

  @Override
  public Stats stats() {
    return Stats.newBuilder()
        .setThreads(threads.threadCount())
        .setMessages(threads.messageCount())
        .setNotifications(notifications.notificationCount())
        .setPresences(presences.userCount())
        .setStreamSubscribers(events.subscriberCount())
        .putAllStreamSubscribersByThread(events.subscriberCountsByThread())
        .build();
  }
}
