/**
 * The one way to start the system on a machine: the packaged Midimo Chat emulator ({@link
 * com.shopsuite.midimo.launcher.EmulatorProcess}) and WildFly nodes prepared from the provisioned
 * server ({@link com.shopsuite.midimo.launcher.ServerBase}, {@link
 * com.shopsuite.midimo.launcher.WildFlyNode}). {@code run.sh}, the integration tests and the
 * benchmarks all start through here, so a setting added to a node (a secret, a user, a system
 * property) is added once. Not part of the application: nothing deployed imports it.
 */
package com.shopsuite.midimo.launcher;
