/* Write-to-temporary-then-rename output files. */
#define _POSIX_C_SOURCE 200809L

#include "util_atomic_file.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct util_atomic_file {
    char *path;     /* final name */
    char *tmp_path; /* NULL when writing straight to the target (stdout, a device, a FIFO) */
    FILE *stream;
};

/* The mode a new file gets from open(0666) under the current umask; umask()
 * can only be read by setting it, so it is set straight back. */
static mode_t new_file_mode(void)
{
    mode_t mask = umask(022);
    umask(mask);
    return 0666 & ~mask;
}

util_atomic_file_t *util_atomic_file_open(const char *path, GError **error)
{
    util_atomic_file_t *file = g_new0(util_atomic_file_t, 1);
    GStatBuf st;
    int fd;

    file->path = g_strdup(path);
    if (strcmp(path, "-") == 0) {
        file->stream = stdout;
        return file;
    }
    if (g_stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* a device, FIFO or the like: renaming over it would replace it (and
         * /dev/full with a file), and there is nothing partial to hide */
        file->stream = fopen(path, "w");
        if (file->stream == NULL) {
            int err = errno;
            g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(err), "%s: cannot write: %s",
                        path, g_strerror(err));
            util_atomic_file_abort(file);
            return NULL;
        }
        return file;
    }
    /* same directory as the target, so the rename cannot cross file systems */
    file->tmp_path = g_strdup_printf("%s.tmp-XXXXXX", path);
    fd = g_mkstemp(file->tmp_path);
    if (fd < 0) {
        int err = errno;
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(err), "%s: cannot create: %s",
                    path, g_strerror(err));
        g_free(file->tmp_path);
        file->tmp_path = NULL;
        util_atomic_file_abort(file);
        return NULL;
    }
    /* mkstemp makes 0600; the result should look like any file the user makes */
    if (fchmod(fd, new_file_mode()) != 0) {
        int err = errno;
        close(fd);
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(err), "%s: cannot write: %s", path,
                    g_strerror(err));
        util_atomic_file_abort(file);
        return NULL;
    }
    file->stream = fdopen(fd, "w");
    if (file->stream == NULL) {
        int err = errno;
        close(fd);
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(err), "%s: cannot write: %s", path,
                    g_strerror(err));
        util_atomic_file_abort(file);
        return NULL;
    }
    return file;
}

FILE *util_atomic_file_stream(util_atomic_file_t *file)
{
    return file->stream;
}

const char *util_atomic_file_temp_path(const util_atomic_file_t *file)
{
    return file->tmp_path;
}

const char *util_atomic_file_path(const util_atomic_file_t *file)
{
    return file->path;
}

static void file_free(util_atomic_file_t *file)
{
    g_free(file->path);
    g_free(file->tmp_path);
    g_free(file);
}

gboolean util_atomic_file_commit(util_atomic_file_t *file, GError **error)
{
    int err = 0;

    if (fflush(file->stream) != 0 || ferror(file->stream)) {
        err = errno != 0 ? errno : EIO;
    }
    if (file->tmp_path == NULL) {
        gboolean is_stdout = file->stream == stdout;
        if (!is_stdout && fclose(file->stream) != 0 && err == 0) {
            err = errno;
        }
        if (err != 0) {
            g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(err), "%s: write failed: %s",
                        is_stdout ? "standard output" : file->path, g_strerror(err));
        }
        file_free(file);
        return err == 0;
    }
    if (err == 0 && fsync(fileno(file->stream)) != 0 && errno != EINVAL) {
        err = errno;
    }
    if (fclose(file->stream) != 0 && err == 0) {
        err = errno;
    }
    file->stream = NULL;
    if (err == 0 && g_rename(file->tmp_path, file->path) != 0) {
        err = errno;
    }
    if (err != 0) {
        g_unlink(file->tmp_path);
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(err),
                    "%s: write failed, nothing written: %s", file->path, g_strerror(err));
        file_free(file);
        return FALSE;
    }
    file_free(file);
    return TRUE;
}

void util_atomic_file_abort(util_atomic_file_t *file)
{
    if (file == NULL) {
        return;
    }
    if (file->stream != NULL && file->stream != stdout) {
        fclose(file->stream);
    }
    if (file->tmp_path != NULL) {
        g_unlink(file->tmp_path);
    }
    file_free(file);
}
