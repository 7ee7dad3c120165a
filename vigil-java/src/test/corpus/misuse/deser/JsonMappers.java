package corpus.misuse.deser;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;

/** ObjectMapper set-ups for the message bus consumers. */
public class JsonMappers {

    @SuppressWarnings("deprecation")
    public ObjectMapper legacyDefaultTyping() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.enableDefaultTyping(); // vigil: expect java/unsafe-deserialization-config
        return mapper;
    }

    @SuppressWarnings("deprecation")
    public ObjectMapper legacyDefaultTypingNonFinal() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.enableDefaultTyping(ObjectMapper.DefaultTyping.NON_FINAL); // vigil: expect java/unsafe-deserialization-config
        return mapper;
    }

    public ObjectMapper plain() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false); // vigil: safe java/unsafe-deserialization-config
        return mapper;
    }

    public ObjectMapper laissezFaire() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL); // vigil: expect java/unsafe-deserialization-config
        return mapper;
    }

    public ObjectMapper allowListedPackage() {
        PolymorphicTypeValidator validator = BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("com.example.bus.events.")
                .build();
        ObjectMapper mapper = new ObjectMapper();
        mapper.activateDefaultTyping(validator, ObjectMapper.DefaultTyping.NON_FINAL); // vigil: safe java/unsafe-deserialization-config
        return mapper;
    }

    /** Allowing every subtype of Object is the same as no validator. */
    public ObjectMapper allowAnythingBaseObject() {
        PolymorphicTypeValidator validator = BasicPolymorphicTypeValidator.builder()
                .allowIfBaseType(Object.class)
                .build();
        ObjectMapper mapper = new ObjectMapper();
        mapper.activateDefaultTyping(validator, ObjectMapper.DefaultTyping.EVERYTHING); // vigil: expect java/unsafe-deserialization-config
        return mapper;
    }

    public JsonMapper builderLaissezFaire() {
        return JsonMapper.builder()
                .activateDefaultTyping(LaissezFaireSubTypeValidator.instance) // vigil: expect java/unsafe-deserialization-config
                .build();
    }

    public JsonMapper builderAllowListed() {
        return JsonMapper.builder()
                .activateDefaultTyping(BasicPolymorphicTypeValidator.builder().allowIfSubType(EventBase.class).build()) // vigil: safe java/unsafe-deserialization-config
                .build();
    }

    /** Marker base type for the bus events. */
    public abstract static class EventBase {
    }
}
