package dev.forecast.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access control ({@code forecast.security.*}).
 *
 * @param apiKeys comma-separated {@code key=scope} entries ({@code read} or {@code write}); a key may
 * be given as {@code {sha256}hex}. Empty: the service runs open (and says so).
 */
@ConfigurationProperties("forecast.security")
public record SecurityProperties(@DefaultValue("") String apiKeys) {
}
