package corpus.misuse.deser;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;

/** Event payloads exchanged with the warehouse system. */
public final class PolymorphicEvents {

    private PolymorphicEvents() {
    }

    /** The sender names a Java class and the receiver instantiates it. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, property = "@class") // vigil: expect java/unsafe-deserialization-config
    public abstract static class LegacyEvent {
        public String id;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type") // vigil: safe java/unsafe-deserialization-config
    @JsonSubTypes({
        @JsonSubTypes.Type(value = StockReserved.class, name = "stock-reserved"),
        @JsonSubTypes.Type(value = StockReleased.class, name = "stock-released")
    })
    public abstract static class WarehouseEvent {
        public String id;
    }

    public static final class StockReserved extends WarehouseEvent {
        public String sku;
        public int quantity;
    }

    public static final class StockReleased extends WarehouseEvent {
        public String sku;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.MINIMAL_CLASS) // vigil: expect java/unsafe-deserialization-config
    public abstract static class PricingRule {
        public BigDecimal amount;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION) // vigil: safe java/unsafe-deserialization-config
    @JsonSubTypes({@JsonSubTypes.Type(FlatDiscount.class), @JsonSubTypes.Type(PercentDiscount.class)})
    public abstract static class Discount {
    }

    public static final class FlatDiscount extends Discount {
        public BigDecimal flat;
    }

    public static final class PercentDiscount extends Discount {
        public int percent;
    }

    /** An Object-typed property carrying class names is the classic gadget entry. */
    public static final class Envelope {
        @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) // vigil: expect java/unsafe-deserialization-config
        public Object payload;

        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME) // vigil: safe java/unsafe-deserialization-config
        @JsonSubTypes({@JsonSubTypes.Type(value = StockReserved.class, name = "reserved")})
        public WarehouseEvent event;
    }
}
