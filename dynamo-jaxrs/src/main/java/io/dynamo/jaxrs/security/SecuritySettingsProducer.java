package io.dynamo.jaxrs.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The node's {@link SecuritySettings} from MicroProfile Config, read once; warns when the admin API is shut. */
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
        return settings;
    }
}
