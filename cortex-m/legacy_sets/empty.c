/* The baseline image: what the toolchain's C runtime costs with no library at all, so the
 * size table can tell what each set pulls in beyond it. */
int main(void)
{
    return 0;
}
