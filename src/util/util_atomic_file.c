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
    FILE *stream;   /* NULL once finished */
    int err;        /* errno of a failed finish, else 0 */
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
    if (fchmod(fd, new_file_mode()) != 0 || (file->stream = fdopen(fd, "w")) == NULL) {
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

/* The error of a failed finish, naming the file. */
static void set_write_error(const util_atomic_file_t *file, GError **error)
{
    if (file->tmp_path == NULL) {
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(file->err), "%s: write failed: %s",
                    strcmp(file->path, "-") == 0 ? "standard output" : file->path,
                    g_strerror(file->err));
    } else {
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(file->err),
                    "%s: write failed, nothing written: %s", file->path, g_strerror(file->err));
    }
}

gboolean util_atomic_file_finish(util_atomic_file_t *file, GError **error)
{
    if (file->stream != NULL) {
        int err = 0;
        errno = 0;
        if (fflush(file->stream) != 0 || ferror(file->stream)) {
            err = errno != 0 ? errno : EIO; /* an earlier write failed: its errno is gone */
        }
        if (file->tmp_path != NULL && err == 0 && fsync(fileno(file->stream)) != 0 &&
            errno != EINVAL) {
            err = errno;
        }
        if (file->stream != stdout && fclose(file->stream) != 0 && err == 0) {
            err = errno;
        }
        file->stream = NULL;
        file->err = err;
        if (err != 0 && file->tmp_path != NULL) {
            g_unlink(file->tmp_path);
        }
    }
    if (file->err != 0) {
        set_write_error(file, error);
        return FALSE;
    }
    return TRUE;
}

gboolean util_atomic_file_commit(util_atomic_file_t *file, GError **error)
{
    gboolean ok = util_atomic_file_finish(file, error);

    if (ok && file->tmp_path != NULL && g_rename(file->tmp_path, file->path) != 0) {
        file->err = errno;
        g_unlink(file->tmp_path);
        set_write_error(file, error);
        ok = FALSE;
    }
    file_free(file);
    return ok;
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
