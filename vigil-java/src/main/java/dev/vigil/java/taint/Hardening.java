package dev.vigil.java.taint;

import java.util.List;
import java.util.Set;

/**
 * Configuration calls that make a deserializer safe for untrusted input: a serialization filter, an
 * XStream type allow-list, a SnakeYAML safe constructor. The deserializer object is tagged, and
 * deserialization sinks on a tagged receiver are not reported.
 */
final class Hardening {

    static final String TAG = "hardened";
    static final Set<String> RULES = Set.of("java/unsafe-deserialization");

    private Hardening() {
    }

    static boolean hardens(String method, Set<String> receiverTypes, List<Value> args) {
        if (receiverTypes.contains("java.io.ObjectInputStream")) {
            return method.equals("setObjectInputFilter");
        }
        if (receiverTypes.contains("com.thoughtworks.xstream.XStream")) {
            return method.equals("allowTypes") || method.equals("allowTypesByWildcard")
                    || method.equals("allowTypesByRegExp") || method.equals("allowTypeHierarchy")
                    || method.equals("setupDefaultSecurity");
        }
        if (receiverTypes.contains("com.esotericsoftware.kryo.Kryo")) {
            return method.equals("setRegistrationRequired") && !args.isEmpty()
                    && Boolean.TRUE.equals(args.get(0).constant());
        }
        return false;
    }

    static boolean hardenedAtConstruction(Set<String> types, List<Value> args) {
        if (types.contains("org.yaml.snakeyaml.Yaml")) {
            for (Value a : args) {
                if (a.type().endsWith(".SafeConstructor")) {
                    return true;
                }
            }
        }
        return false;
    }
}
