package com.shopsuite.midimo.chat;

import java.io.Serializable;

/**
 * The answer to "give me the support thread of this order".
 *
 * @param created true when this call created the thread, false when it already existed
 */
public record SupportThread(ChatThread thread, boolean created) implements Serializable {}
