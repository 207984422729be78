import { Box } from '@mantine/core'
import { Outlet } from 'react-router'

/** Mobile-first column: the citizen app is designed for phones and stays narrow on desktop. */
export const CitizenLayout = () => (
  <Box maw={480} mx="auto">
    <Outlet />
  </Box>
)
