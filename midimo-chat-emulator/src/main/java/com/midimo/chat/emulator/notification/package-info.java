/** The emulated {@code midimo.chat.v1.NotificationService}: each user's notification inbox. */
package com.midimo.chat.emulator.notification;
