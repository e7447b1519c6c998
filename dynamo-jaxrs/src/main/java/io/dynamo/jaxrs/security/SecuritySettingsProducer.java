package io.dynamo.jaxrs.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The node's {@link SecuritySettings} from MicroProfile Config, read once when the application starts, so that bad
 * settings fail the deployment rather than the first request; warns when the admin API is shut or the key-value API
 * is open to anyone.
 */
@ApplicationScoped
public class SecuritySettingsProducer {
    private static final Logger LOG = Logger.getLogger(SecuritySettingsProducer.class.getName());

    /** A pseudo-scope: one instance, no client proxy (the settings class is final and immutable). */
    @Produces
    @Singleton
    SecuritySettings settings() {
        Config config = ConfigProvider.getConfig();
        SecuritySettings settings = new SecuritySettings(name -> config.getOptionalValue(name, String.class));
        if (!settings.adminConfigured()) {
            LOG.warning("no admin password is set (" + SecuritySettings.ADMIN_PASSWORD + "): the admin API refuses"
                    + " every request that changes or inspects the cluster until one is set");
        }
        if (!settings.clientRequired()) {
            LOG.warning(SecuritySettings.CLIENT_REQUIRED + "=false: the key-value API and the ring and node reads answer"
                    + " anyone who reaches this node, without credentials");
        }
        return settings;
    }

    /** Reads the settings as the application starts: a node with bad ones must not deploy. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started, SecuritySettings settings) {
        LOG.fine(() -> "key-value API requires the client user: " + settings.clientRequired());
    }
}
