package com.shopsuite.midimo.rest.presence;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The agents asked for, in the order asked. */
@Schema(name = "AgentAvailabilityList", description = "The agents asked for, in the order asked")
public record AgentAvailabilityListView(List<AgentAvailabilityView> agents) {}
