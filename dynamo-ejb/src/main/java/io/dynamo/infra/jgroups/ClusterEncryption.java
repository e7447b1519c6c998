package io.dynamo.infra.jgroups;

import io.dynamo.core.base.InvalidConfigException;
import org.jgroups.protocols.Encrypt;
import org.jgroups.protocols.SERIALIZE;
import org.jgroups.protocols.SYM_ENCRYPT;
import org.jgroups.stack.ProtocolStack;

/**
 * Puts JGroups' SYM_ENCRYPT (with AES/GCM: {@link AesGcmEncrypt}) directly above the transport and SERIALIZE
 * directly above it, so that everything the stack sends (discovery, joins, views, heartbeats, merges, requests and
 * replies) leaves the node encrypted and authenticated under the cluster key, and anything arriving without a valid
 * tag under that key is dropped before any protocol above sees it.
 *
 * <p>Why both: SYM_ENCRYPT encrypts a message's payload only, and lets a message without payload (a JOIN_REQ, for
 * one) through with its headers in clear. SERIALIZE turns each message, headers and addresses included, into the
 * payload of an outer message, so SYM_ENCRYPT covers all of it, and an incoming message whose payload is not an
 * authentic serialized message fails to deserialize and is dropped. With an AEAD cipher this also authenticates:
 * AUTH is not needed to keep a process without the key out.
 */
final class ClusterEncryption {
    private ClusterEncryption() {
    }

    /** Inserts and initialises the two protocols in a built, not yet connected stack. */
    static void install(ProtocolStack stack, ClusterKey key, String stackName) throws Exception {
        if (isEncrypted(stack)) {
            throw new InvalidConfigException("the JGroups stack " + stackName + " has an encryption protocol of its own "
                    + "and a cluster key is set as well (" + key.origin() + "): remove one of them");
        }
        AesGcmEncrypt encrypt = new AesGcmEncrypt();
        encrypt.setSecretKey(key.secretKey());
        stack.insertProtocol(encrypt, ProtocolStack.Position.ABOVE, stack.getTransport().getClass());
        stack.insertProtocol(new SERIALIZE(), ProtocolStack.Position.ABOVE, SYM_ENCRYPT.class);
        // The stack initialised its protocols when it was built; these two came later.
        encrypt.init();
        if (!AesGcmEncrypt.CIPHER.equals(encrypt.symAlgorithm())) {
            throw new IllegalStateException("SYM_ENCRYPT chose the cipher " + encrypt.symAlgorithm() + " instead of "
                    + AesGcmEncrypt.CIPHER);
        }
    }

    /** True when the stack encrypts its traffic (installed here, or configured in the stack file). */
    static boolean isEncrypted(ProtocolStack stack) {
        return stack.findProtocol(Encrypt.class) != null;
    }
}
