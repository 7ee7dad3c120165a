package corpus.taint.deser.payload;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectInputFilter;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;

/** JAX-RS entity parameter: the raw request body arrives as an InputStream. */
@Path("/messages")
public class MessageConsumer {

    private final Codec codec = new Codec();

    @POST
    @Consumes("application/x-java-serialized-object")
    public String receive(InputStream body) throws IOException, ClassNotFoundException {
        return codec.decode(body) == null ? "empty" : "received";
    }

    @POST
    @Path("/filtered")
    @Consumes("application/x-java-serialized-object")
    public String receiveFiltered(InputStream body) throws IOException, ClassNotFoundException {
        return codec.decodeFiltered(body) == null ? "empty" : "received";
    }

    static final class Codec {
        Object decode(InputStream in) throws IOException, ClassNotFoundException {
            ObjectInputStream ois = new ObjectInputStream(in);
            return ois.readObject(); // vigil: expect java/unsafe-deserialization
        }

        Object decodeFiltered(InputStream in) throws IOException, ClassNotFoundException {
            ObjectInputStream ois = new ObjectInputStream(in);
            ois.setObjectInputFilter(ObjectInputFilter.Config.createFilter("corpus.taint.deser.payload.*;!*"));
            return ois.readObject(); // vigil: safe java/unsafe-deserialization
        }
    }
}
