package com.vigilpets.clinic.avatar;

import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Avatar endpoints used by the owner profile page. */
@RestController
public class AvatarController {

    private final AvatarService avatars;

    public AvatarController(AvatarService avatars) {
        this.avatars = avatars;
    }

    @PostMapping("/avatars/import")
    public ResponseEntity<byte[]> importAvatar(@RequestParam String url) throws IOException {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(avatars.importFromUrl(url));
    }

    @GetMapping("/avatars/gravatar")
    public ResponseEntity<byte[]> gravatar(@RequestParam String email) throws IOException, InterruptedException {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(avatars.fromGravatar(email));
    }
}
