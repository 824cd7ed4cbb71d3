package dev.rotor.spring.boot;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A Redis location as the example server's {@code REDIS_URL} takes it: {@code redis://[user:password@]host:port},
 * {@code rediss://...} for TLS, or {@code host:port,host:port} for a cluster. Errors name the property and never
 * quote the URL, which may hold a password.
 */
record RedisUrl(String host, int port, String username, String password, boolean ssl, List<String> clusterNodes) {

    static RedisUrl parse(String url, String property) {
        if (!url.contains("://")) {
            return new RedisUrl(null, 0, null, null, false, Arrays.asList(url.split(",")));
        }
        boolean ssl = url.startsWith("rediss://");
        if (!ssl && !url.startsWith("redis://")) {
            throw new RotorConfigurationException(
                    property,
                    "must start with redis:// or rediss://",
                    "use redis://host:port or a cluster's host:port list");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RotorConfigurationException(property, "is not a valid URL", "use redis://host:port");
        }
        if (uri.getHost() == null) {
            throw new RotorConfigurationException(property, "names no host", "use redis://host:port");
        }
        String path = uri.getRawPath();
        if (uri.getRawQuery() != null || path != null && !path.isEmpty() && !path.equals("/")) {
            throw new RotorConfigurationException(
                    property, "has a database or options, which Rotor does not take", "use redis://host:port");
        }
        String username = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? "" : userInfo.substring(0, colon);
            username = user.isEmpty() ? null : decode(user);
            password = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
        }
        return new RedisUrl(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), username, password, ssl, null);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "RedisUrl[host=" + host + ", port=" + port + ", ssl=" + ssl + "]";
    }
}
