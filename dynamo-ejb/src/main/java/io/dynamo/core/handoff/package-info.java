/** Hinted handoff: writes kept for an unreachable replica and delivered when it answers again. */
package io.dynamo.core.handoff;
