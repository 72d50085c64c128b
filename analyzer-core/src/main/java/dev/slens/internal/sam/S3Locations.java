package dev.slens.internal.sam;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;

/**
 * Converts a SAM code or definition location into the form CloudFormation takes: an
 * {@code s3://bucket/key?versionId=v} URI or a {@code Bucket}/{@code Key}/{@code Version}
 * mapping becomes a mapping with the target resource's own key names.
 */
final class S3Locations {

    private S3Locations() {
    }

    /**
     * Returns {@code location} with the keys {@code bucketKey}, {@code objectKey} and
     * {@code versionKey}; an intrinsic function or other value is returned as written.
     */
    static Node location(Node location, String bucketKey, String objectKey, String versionKey) {
        String uri = location.text();
        if (uri != null && uri.startsWith("s3://")) {
            String rest = uri.substring("s3://".length());
            String version = null;
            int query = rest.indexOf("?versionId=");
            if (query >= 0) {
                version = rest.substring(query + "?versionId=".length());
                rest = rest.substring(0, query);
            }
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String key = slash < 0 ? "" : rest.substring(slash + 1);
            return Nodes.map(location.span(),
                    bucketKey, Nodes.text(bucket, location.span()),
                    objectKey, Nodes.text(key, location.span()),
                    versionKey, version == null ? null : Nodes.text(version, location.span()));
        }
        MapNode map = location.asMap();
        if (map == null || map.intrinsicName() != null) {
            return location;
        }
        return Nodes.map(location.span(),
                bucketKey, map.get("Bucket"),
                objectKey, map.get("Key"),
                versionKey, map.get("Version"));
    }
}
