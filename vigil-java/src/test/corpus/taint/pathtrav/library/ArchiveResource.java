package corpus.taint.pathtrav.library;

import java.io.File;
import java.io.IOException;
import javax.ws.rs.DELETE;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;
import org.apache.commons.io.FileUtils;
import org.apache.commons.io.FilenameUtils;

/** Commons IO FileUtils copying and deleting files named by the request. */
@Path("/archive")
public class ArchiveResource {

    private static final File ROOT = new File("/srv/archive");
    private static final File SHARED = new File("/srv/shared");

    @POST
    @Path("/share")
    public void share(@QueryParam("name") String name) throws IOException {
        FileUtils.copyFileToDirectory(new File(ROOT, name), SHARED); // vigil: expect java/path-traversal
    }

    @POST
    @Path("/share-safe")
    public void shareSafe(@QueryParam("name") String name) throws IOException {
        FileUtils.copyFileToDirectory(new File(ROOT, FilenameUtils.getName(name)), SHARED); // vigil: safe java/path-traversal
    }

    @DELETE
    public void remove(@QueryParam("name") String name) {
        FileUtils.deleteQuietly(new File(ROOT, name)); // vigil: expect java/path-traversal
    }

    @DELETE
    @Path("/safe")
    public void removeSafe(@QueryParam("name") String name) {
        FileUtils.deleteQuietly(new File(ROOT, new File(name).getName())); // vigil: safe java/path-traversal
    }

    @POST
    @Path("/move")
    public void move(@QueryParam("to") String to) throws IOException {
        FileUtils.moveFileToDirectory(new File(ROOT, "upload.tmp"), new File(SHARED, to), true); // vigil: expect java/path-traversal
    }
}
