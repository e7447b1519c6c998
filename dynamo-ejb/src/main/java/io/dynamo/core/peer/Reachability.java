package io.dynamo.core.peer;

/** How a peer looks from this node. */
public enum Reachability {
    /** Answered or sent a request recently, or never tried. */
    UP,
    /** Missed a request or was suspected by the group layer; routed around until it answers a probe. */
    SUSPECT,
    /** Missed several requests or probes in a row; routed around and probed. */
    DOWN
}
