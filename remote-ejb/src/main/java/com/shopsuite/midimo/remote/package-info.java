/**
 * The integration's services for the rest of the suite in other JVMs: {@code ChatService}, {@code
 * PresenceService} and {@code NotificationService} as remote views ({@code
 * ejb:/midimo-chat-remote/ChatService!com.shopsuite.midimo.chat.ChatService}, over {@code
 * remote+http://host:8080}), for application users in the {@value
 * com.shopsuite.midimo.remote.SuiteService#ROLE} role of WildFly's {@code ApplicationRealm}. Each
 * bean passes the call to the application's own bean; failures cross the wire as the integration's
 * exceptions, without the server-side causes a client could not load.
 */
package com.shopsuite.midimo.remote;
