package com.vigilpets.clinic.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Connectivity checks for the admin page: staff use them when the lab
 * analyser or the X-ray workstation stops answering.
 */
@Service
public class NetworkDiagnostics {

    /** Host names and IPv4 literals; never starts with '-' so it cannot become an option. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}");

    public String ping(String host) throws IOException, InterruptedException {
        Process process = Runtime.getRuntime().exec("ping -c 3 " + host); // vigil: expect java/command-injection
        return collect(process);
    }

    public String traceroute(String host) throws IOException, InterruptedException {
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("not a host name: " + host);
        }
        Process process = new ProcessBuilder(List.of("traceroute", "-m", "15", host)) // vigil: safe java/command-injection
                .redirectErrorStream(true)
                .start();
        return collect(process);
    }

    private static String collect(Process process) throws IOException, InterruptedException {
        try (InputStream out = process.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return text;
        }
    }
}
