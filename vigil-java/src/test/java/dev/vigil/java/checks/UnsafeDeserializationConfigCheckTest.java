package dev.vigil.java.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnsafeDeserializationConfigCheckTest {

    @Test
    void reportsPermissiveTypingAndUnrestrictedLoaders() {
        String java = """
                package d;
                import com.fasterxml.jackson.annotation.JsonTypeInfo;
                import com.fasterxml.jackson.databind.ObjectMapper;
                import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
                import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
                import com.thoughtworks.xstream.XStream;
                import org.yaml.snakeyaml.LoaderOptions;
                import org.yaml.snakeyaml.Yaml;
                class Loaders {
                    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) // BAD
                    Object payload;
                    private final XStream shared = new XStream();
                    Loaders() {
                        shared.allowTypesByWildcard(new String[] {"d.**"});
                    }
                    void jackson(ObjectMapper m) {
                        PolymorphicTypeValidator any = BasicPolymorphicTypeValidator.builder()
                                .allowIfSubType(Object.class).build();
                        m.activateDefaultTyping(any); // BAD
                        m.activateDefaultTyping(BasicPolymorphicTypeValidator.builder().allowIfSubType("d.").build());
                    }
                    Object xml(String s) {
                        return new XStream().fromXML(s); // BAD
                    }
                    Object yaml(String s) {
                        Yaml y = new Yaml(new LoaderOptions()); // BAD
                        return y.load(s);
                    }
                }
                """;
        assertEquals(CheckTesting.marked(java, "// BAD"),
                CheckTesting.lines(UnsafeDeserializationConfigCheck.RULE, "d/Loaders.java", java));
    }
}
