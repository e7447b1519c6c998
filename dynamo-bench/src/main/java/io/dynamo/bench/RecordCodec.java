package io.dynamo.bench;

import io.dynamo.core.codec.BinaryReader;
import io.dynamo.core.codec.BinaryWriter;
import java.util.Map;
import java.util.TreeMap;

/**
 * A YCSB record stored as one value: a count, then each field as its UTF-8 name and its bytes, both
 * length-prefixed (varints), in name order. Ten fields of 100 bytes take 1,081 bytes.
 */
final class RecordCodec {
    private RecordCodec() {
    }

    static byte[] encode(Map<String, byte[]> fields) {
        int size = 4;
        for (Map.Entry<String, byte[]> field : fields.entrySet()) {
            size += field.getKey().length() + field.getValue().length + 6;
        }
        BinaryWriter out = new BinaryWriter(size).writeVarLong(fields.size());
        for (Map.Entry<String, byte[]> field : new TreeMap<>(fields).entrySet()) {
            out.writeString(field.getKey()).writeBytes(field.getValue());
        }
        return out.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a record */
    static Map<String, byte[]> decode(byte[] bytes) {
        BinaryReader in = new BinaryReader(bytes);
        int count = in.readCount(2);
        Map<String, byte[]> fields = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            fields.put(in.readString(), in.readBytes());
        }
        in.expectEnd();
        return fields;
    }
}
