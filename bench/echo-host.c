/* The smallest native-messaging host in C: the baseline for bench/startup.sh. Reads frames (uint32 little-endian length +
   JSON) and answers each with one fixed small reply frame, until stdin closes. Build: gcc -O2 -o echo-host echo-host.c */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int read_full(unsigned char *buffer, size_t length) {
    size_t done = 0;
    while (done < length) {
        size_t n = fread(buffer + done, 1, length - done, stdin);
        if (n == 0) return 0;
        done += n;
    }
    return 1;
}

int main(void) {
    static const char reply[] = "{\"id\":1,\"type\":\"hello\",\"protocol\":1,\"hostVersion\":\"echo-c\"}";
    unsigned char header[4];
    while (read_full(header, 4)) {
        uint32_t length = (uint32_t)header[0] | ((uint32_t)header[1] << 8) | ((uint32_t)header[2] << 16) | ((uint32_t)header[3] << 24);
        if (length > 1024 * 1024) return 1;
        unsigned char *payload = malloc(length ? length : 1);
        if (!payload || !read_full(payload, length)) return 1;
        free(payload);
        uint32_t out = (uint32_t)(sizeof reply - 1);
        unsigned char prefix[4] = { out & 0xff, (out >> 8) & 0xff, (out >> 16) & 0xff, (out >> 24) & 0xff };
        fwrite(prefix, 1, 4, stdout);
        fwrite(reply, 1, out, stdout);
        fflush(stdout);
    }
    return 0;
}
