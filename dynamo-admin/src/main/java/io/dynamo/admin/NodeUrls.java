package io.dynamo.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** The nodes to talk to, from {@code --node} values, else {@code DYNAMO_NODES}, else the local default. */
final class NodeUrls {
    static final String DEFAULT = "http://127.0.0.1:8080";
    static final String API_PATH = "/dynamo/api/v1/";

    private NodeUrls() {
    }

    /** @return the API base URIs, e.g. {@code http://127.0.0.1:8080/dynamo/api/v1/} */
    static List<URI> parse(List<String> options, String environment) {
        List<String> values = new ArrayList<>();
        for (String option : options.isEmpty() && environment != null ? List.of(environment) : options) {
            for (String value : option.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        }
        if (values.isEmpty()) {
            values.add(DEFAULT);
        }
        List<URI> bases = new ArrayList<>();
        for (String value : values) {
            URI base = base(value);
            if (!bases.contains(base)) {
                bases.add(base);
            }
        }
        return bases;
    }

    /** A node's URL as the API base: a URL without a path gets the API's path; host:port alone gets http://. */
    static URI base(String value) {
        String text = value.contains("://") ? value : "http://" + value;
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw bad(value, e.getReason());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw bad(value, "only http and https are supported");
        }
        if (uri.getHost() == null) {
            throw bad(value, "no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw bad(value, "no query, fragment or user name, please (credentials go in --credentials)");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/")
                ? API_PATH : uri.getRawPath();
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
    }

    /** A node's announced {@code host:port} as an API base with the scheme and path of the given node URL. */
    static URI at(URI like, String httpAddress) {
        return URI.create(like.getScheme() + "://" + httpAddress + like.getRawPath());
    }

    private static CliFailure bad(String value, String why) {
        return CliFailure.usage("--node '" + value + "' is not a node URL (" + why + "); give one like "
                + DEFAULT + ".");
    }
}
