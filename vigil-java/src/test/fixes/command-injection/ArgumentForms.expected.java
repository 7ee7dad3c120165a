package fixes.cmdi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import javax.servlet.http.HttpServletRequest;

public class ArgumentForms {

    private final String toolHome;
    private final Properties props = new Properties();

    public ArgumentForms(String toolHome) {
        this.toolHome = toolHome;
    }

    Process convert(HttpServletRequest request) throws IOException {
        String input = request.getParameter("input");
        String format = request.getParameter("format");
        // Allow-list: only plain names and numbers reach the command line (no spaces, quotes, ; | & $ or options).
        if (input != null && !input.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("value not allowed in the command line");
        }
        if (format != null && !format.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("value not allowed in the command line");
        }
        return new ProcessBuilder("convert", input, "out." + format).start();
    }

    Process dig(HttpServletRequest request) throws IOException {
        String name = request.getParameter("name");
        List<String> cmd = new ArrayList<>();
        cmd.add("dig");
        // Allow-list: only plain names and numbers reach the command line (no spaces, quotes, ; | & $ or options).
        if (name != null && !name.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("value not allowed in the command line");
        }
        cmd.add(name);
        return new ProcessBuilder().command(cmd).start();
    }

    Process logger(HttpServletRequest request) throws IOException {
        String agent = request.getHeader("User-Agent");
        // Allow-list: only plain names and numbers reach the command line (no spaces, quotes, ; | & $ or options).
        if (agent != null && !agent.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("value not allowed in the command line");
        }
        String[] argv = {"logger", "-t", "diag", agent};
        return Runtime.getRuntime().exec(argv);
    }

    Process slots(HttpServletRequest request) throws IOException {
        String dir = request.getParameter("dir");
        String[] argv = new String[2];
        argv[0] = "ls";
        // Allow-list: only plain names and numbers reach the command line (no spaces, quotes, ; | & $ or options).
        if (dir != null && !dir.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("value not allowed in the command line");
        }
        argv[1] = dir;
        return new ProcessBuilder(argv).start();
    }

    Process maven(HttpServletRequest request) throws IOException {
        String module = request.getParameter("module");
        // The program is configuration, not input: only the module is checked.
        // Allow-list: only plain names and numbers reach the command line (no spaces, quotes, ; | & $ or options).
        if (module != null && !module.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("value not allowed in the command line");
        }
        return new ProcessBuilder(toolHome + "/bin/mvn", "-pl", module, "clean").start();
    }

    Process configured(HttpServletRequest request) throws IOException {
        String file = request.getParameter("file");
        String tool = props.getProperty("export.command", "/usr/bin/true");
        // Allow-list: only plain names and numbers reach the command line (no spaces, quotes, ; | & $ or options).
        if (file != null && !file.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("value not allowed in the command line");
        }
        return new ProcessBuilder(tool, file).start();
    }

    Process rotate(HttpServletRequest request) throws IOException {
        String keep = request.getParameter("keep");
        // The option stays; the value spliced into it is checked.
        // Allow-list: only plain names and numbers reach the command line (no spaces, quotes, ; | & $ or options).
        if (keep != null && !keep.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("value not allowed in the command line");
        }
        String option = "--keep=" + keep;
        return Runtime.getRuntime().exec(new String[] {"logrotate", option});
    }

    Process ping(HttpServletRequest request, int level) throws IOException {
        String host = request.getParameter("host");
        // Allow-list: only plain names and numbers reach the command line (no spaces, quotes, ; | & $ or options).
        if (host != null && !host.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("value not allowed in the command line");
        }
        String cmd = switch (level) {
            case 1 -> "ping -c 1 " + host;
            default -> "ping -c 1 localhost";
        };
        return Runtime.getRuntime().exec(cmd);
    }

    Process debug(HttpServletRequest request, boolean enabled) throws IOException {
        // The whole command line can be input: only the command the code names may run.
        String cmd = "uptime";
        if (enabled) {
            cmd = request.getHeader("X-Cmd");
        }
        // Allow-list: only the command lines this code names may run; input cannot choose another.
        if (!Arrays.asList("uptime").contains(cmd)) {
            throw new IllegalArgumentException("command not allowed");
        }
        return Runtime.getRuntime().exec(cmd);
    }

    Process script(HttpServletRequest request) throws IOException {
        // Refused: the shell runs a whole script from input; a plain word would still name any program.
        String script = request.getParameter("script");
        return new ProcessBuilder("sh", "-c", script).start();
    }

    Process traceroute(HttpServletRequest request) throws IOException {
        String host = request.getParameter("host");
        // Allow-list: only plain names and numbers reach the command line (no spaces, quotes, ; | & $ or options).
        if (host != null && !host.matches("[A-Za-z0-9._][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("value not allowed in the command line");
        }
        String line = "traceroute " + host;
        return new ProcessBuilder("/bin/bash", "-c", line).start();
    }

    Process filled(HttpServletRequest request) throws IOException {
        // Refused: the list is filled by another method.
        List<String> cmd = new ArrayList<>();
        cmd.add("dig");
        addTarget(cmd, request.getParameter("name"));
        return new ProcessBuilder(cmd).start();
    }

    private static void addTarget(List<String> cmd, String name) {
        cmd.add(name);
    }

    Process fixed(HttpServletRequest request) throws IOException {
        int count = Integer.parseInt(request.getParameter("count"));
        return new ProcessBuilder("ping", "-c", String.valueOf(count), "localhost").start();
    }
}
