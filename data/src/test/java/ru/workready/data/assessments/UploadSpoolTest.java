package ru.workready.data.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadSpoolTest {

    @Test
    void tellsUtf8FromWindows1251() {
        String text = "student_id;kind\nС-1;Демоэкзамен\n";
        try (UploadSpool utf8 = UploadSpool.of(text.getBytes(StandardCharsets.UTF_8));
             UploadSpool cp1251 = UploadSpool.of(text.getBytes(java.nio.charset.Charset.forName("windows-1251")))) {
            assertThat(utf8.utf8()).isTrue();
            assertThat(cp1251.utf8()).isFalse();
        }
    }

    /** The eight-bytes-at-a-time pass answers as the byte-by-byte one, wherever the buffers are cut. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void fastPassAnswersAsTheBytewiseOne(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            byte[] bytes = sample(random);
            UploadSpool.Utf8Check fast = new UploadSpool.Utf8Check();
            int from = 0;
            while (from < bytes.length) {
                int n = Math.min(bytes.length - from, 1 + random.nextInt(40));
                fast.update(Arrays.copyOfRange(bytes, from, from + n), n);
                from += n;
            }
            assertThat(fast.valid()).as("seed %d, round %d", seed, round).isEqualTo(bytewise(bytes));
        }
    }

    /** Mostly ASCII runs with Cyrillic, now and then a stray byte or a cut sequence. */
    private static byte[] sample(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = random.nextInt(60); i < n; i++) {
            s.append(random.nextInt(4) == 0 ? "Демо" : "abcdefghij".substring(0, 1 + random.nextInt(10)));
        }
        byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0 && random.nextInt(3) == 0) {
            bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(128));
        }
        return bytes;
    }

    private static boolean bytewise(byte[] b) {
        int pending = 0;
        for (byte x : b) {
            int c = x & 0xFF;
            if (pending > 0) {
                if ((c & 0xC0) != 0x80) {
                    return false;
                }
                pending--;
            } else if (c >= 0x80) {
                if (c >= 0xC2 && c <= 0xDF) {
                    pending = 1;
                } else if (c >= 0xE0 && c <= 0xEF) {
                    pending = 2;
                } else if (c >= 0xF0 && c <= 0xF4) {
                    pending = 3;
                } else {
                    return false;
                }
            }
        }
        return pending == 0;
    }
}
